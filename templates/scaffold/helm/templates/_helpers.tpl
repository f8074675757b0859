{{/*
Named templates of the services chart. The chart keeps to a small subset of Helm's template
language (see docs/deploy.md in adr-wizard): values paths, include, toYaml | nindent, if/else,
range, default, quote, printf, trunc, trimSuffix, dict.

Every per-service template is called with (dict "root" $ "name" <service name>).
*/}}

{{/* <release>-<service>, at most 63 characters (a DNS label). */}}
{{- define "services.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* The labels a Service and a Deployment select on; never change them after install. */}}
{{- define "services.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The recommended app.kubernetes.io labels. */}}
{{- define "services.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | trunc 63 | trimSuffix "-" }}
{{ include "services.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* The Gateway the HTTPRoutes attach to: traffic.gateway.name, or the release name. */}}
{{- define "services.gatewayName" -}}
{{- .Values.traffic.gateway.name | default .Release.Name -}}
{{- end }}
