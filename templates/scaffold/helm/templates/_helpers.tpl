{{/*
Named templates of the services chart.
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

{{/* The ConfigMap data of a service: its env plus LOG_LEVEL. Hashed into the pod template too. */}}
{{- define "services.configData" -}}
{{- $svc := index .root.Values.services .name -}}
{{- toYaml (merge (dict "LOG_LEVEL" .root.Values.logLevel) $svc.env) -}}
{{- end }}

{{/* The labels of helm test objects: the release's, never a service's selector. */}}
{{- define "services.testSelectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: helm-test
{{- end }}

{{- define "services.testLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | trunc 63 | trimSuffix "-" }}
{{ include "services.testSelectorLabels" . }}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}
