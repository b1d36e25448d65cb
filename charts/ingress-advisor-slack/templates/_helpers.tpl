{{/* The chart's name, or nameOverride. */}}
{{- define "ias.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Object names: fullnameOverride, else the release name (with the chart's name unless it holds it). */}}
{{- define "ias.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ias.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ias.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ias.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "ias.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: slack-bot
app.kubernetes.io/part-of: ingress-advisor
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "ias.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ias.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ias.secretName" -}}
{{- default (include "ias.fullname" .) .Values.secret.existingSecret }}
{{- end }}

{{- define "ias.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Settings that cannot work together fail the render with what to change. */}}
{{- define "ias.validate" -}}
{{- if not (has .Values.mode (list "http" "socket")) }}
{{- fail (printf "mode must be http or socket, not %q" .Values.mode) }}
{{- end }}
{{- if and (eq .Values.mode "socket") (or .Values.ingress.enabled .Values.httpRoute.enabled) }}
{{- fail "mode: socket has no inbound route: Slack is reached over a WebSocket the bot opens. Set ingress.enabled and httpRoute.enabled to false, or use mode: http." }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled .Values.podDisruptionBudget.minAvailable .Values.podDisruptionBudget.maxUnavailable }}
{{- fail "podDisruptionBudget: set one of minAvailable and maxUnavailable (the other to null)." }}
{{- end }}
{{- end }}
