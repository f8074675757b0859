{{/*
Named templates of the MLOps platform chart. Per-component templates are called with
(dict "root" $ "name" <component>).
*/}}

{{- define "mlops.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "mlops.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "mlops.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | trunc 63 | trimSuffix "-" }}
{{ include "mlops.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* The one Secret every component reads its credentials from. Never generated with a default. */}}
{{- define "mlops.secretName" -}}
{{- required "secrets.existingSecret: name an existing Secret holding POSTGRES_PASSWORD, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, VALKEY_PASSWORD and GRAFANA_ADMIN_PASSWORD (see README)" .Values.secrets.existingSecret -}}
{{- end }}

{{/* Hardened container settings; each workload adds its own user id. */}}
{{- define "mlops.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The S3 endpoint of the artifact store: the SeaweedFS gateway, or the external one ("" = AWS). */}}
{{- define "mlops.s3Endpoint" -}}
{{- if eq .Values.objectStorage.mode "seaweedfs" -}}
{{- printf "http://%s:8333" (include "mlops.fullname" (dict "root" . "name" "seaweedfs")) -}}
{{- else -}}
{{- .Values.objectStorage.external.endpoint -}}
{{- end -}}
{{- end }}

{{/*
Pod security context with numeric ids (runAsNonRoot needs a numeric user to verify the image's
user is not root). Called with (dict "uid" <id> "gid" <id> "fsGroup" <bool>).
*/}}
{{- define "mlops.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .gid }}
{{- if .fsGroup }}
fsGroup: {{ .gid }}
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Scheduling and registry settings shared by every pod of the chart. */}}
{{- define "mlops.podPlacement" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Lets in-flight requests finish before the endpoint is removed everywhere. */}}
{{- define "mlops.preStop" -}}
lifecycle:
  preStop:
    exec:
      command: ["sleep", "5"]
{{- end }}

{{/*
The MLflow backend store: the password comes from the Secret into the environment, and the URI is
assembled by Kubernetes from it (dependent environment variable), so it is never on a command line.
The password must be URL-safe (e.g. openssl rand -hex 24).
*/}}
{{- define "mlops.mlflowStoreEnv" -}}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "mlops.secretName" . }}
      key: POSTGRES_PASSWORD
- name: MLFLOW_BACKEND_STORE_URI
  value: {{ printf "postgresql+psycopg://%s:$(POSTGRES_PASSWORD)@%s:5432/mlflow" .Values.postgres.user (include "mlops.fullname" (dict "root" . "name" "postgres")) | quote }}
{{- end }}

{{/*
Host headers MLflow accepts (MLflow 3.5+ answers 403 to any other, against DNS rebinding): its
Service by every name a pod can use, with and without the port, plus localhost for the probes.
*/}}
{{- define "mlops.mlflowAllowedHosts" -}}
{{- $svc := include "mlops.fullname" (dict "root" . "name" "mlflow") -}}
{{- $ns := .Release.Namespace -}}
{{- $hosts := list "localhost" "127.0.0.1" $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.%s" $svc $ns .Values.clusterDomain) -}}
{{- $out := list -}}
{{- range $hosts }}
{{- $out = append $out . -}}
{{- $out = append $out (printf "%s:5000" .) -}}
{{- end }}
{{- concat $out .Values.mlflow.extraAllowedHosts | join "," -}}
{{- end }}

{{/* Prometheus' configuration: the pods of this release that ask to be scraped. */}}
{{- define "mlops.prometheusConfig" -}}
global:
  scrape_interval: {{ .Values.monitoring.prometheus.scrapeInterval }}
scrape_configs:
  - job_name: pods
    kubernetes_sd_configs:
      - role: pod
        namespaces:
          names:
            - {{ .Release.Namespace }}
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_label_app_kubernetes_io_instance]
        regex: {{ .Release.Name }}
        action: keep
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        regex: "true"
        action: keep
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
        regex: (.+)
        target_label: __metrics_path__
      - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
        regex: ([^:]+)(?::\d+)?;(\d+)
        replacement: $1:$2
        target_label: __address__
      - source_labels: [__meta_kubernetes_pod_label_app_kubernetes_io_name]
        target_label: app
      - source_labels: [__meta_kubernetes_pod_name]
        target_label: pod
{{- end }}

{{/* Grafana provisioning: Prometheus as the data source, the dashboards folder. */}}
{{- define "mlops.grafanaProvisioning" -}}
datasources.yaml: |
  apiVersion: 1
  datasources:
    - name: Prometheus
      uid: prometheus
      type: prometheus
      access: proxy
      isDefault: true
      url: {{ printf "http://%s:9090" (include "mlops.fullname" (dict "root" . "name" "prometheus")) }}
dashboards.yaml: |
  apiVersion: 1
  providers:
    - name: mlops
      type: file
      options:
        path: /var/lib/grafana-dashboards
{{- end }}

{{/* A NetworkPolicy peer: the pods of one component of this release. */}}
{{- define "mlops.peer" -}}
- podSelector:
    matchLabels:
      {{- include "mlops.selectorLabels" . | nindent 6 }}
{{- end }}

{{/* A NetworkPolicy peer: the pods of the Airflow chart in this release (its own labels). */}}
{{- define "mlops.airflowPeer" -}}
- podSelector:
    matchLabels:
      release: {{ .Release.Name }}
      tier: airflow
{{- end }}

{{/* First-start SQL: POSTGRES_DB creates the MLflow database; Airflow gets its own. */}}
{{- define "mlops.postgresInit" -}}
10-airflow.sql: |
  CREATE DATABASE airflow OWNER {{ .Values.postgres.user }};
{{- end }}
