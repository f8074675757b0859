{{/*
Named templates of the Gateway API traffic entry (traffic.gateway, traffic.aws). With the AWS Load Balancer Controller (traffic.aws) the Gateway becomes one
ALB: the controller provisions an internal ALB with instance targets by default, so its
LoadBalancerConfiguration makes it internet-facing (and carries the HTTPS listener's
certificate) and a TargetGroupConfiguration per Service registers pod IPs (ClusterIP Services
cannot be instance targets) and health-checks the Service's readiness path.
*/}}

{{/* The Gateway's spec. Called with (dict "traffic" .Values.traffic "name" <gateway name>). */}}
{{- define "trafficGateway.spec" -}}
{{- $aws := .traffic.aws -}}
gatewayClassName: {{ .traffic.gateway.className }}
{{- if $aws }}
infrastructure:
  parametersRef:
    group: gateway.k8s.aws
    kind: LoadBalancerConfiguration
    name: {{ .name }}
{{- end }}
listeners:
  - name: http
    protocol: HTTP
    port: 80
    {{- if .traffic.host }}
    hostname: {{ .traffic.host | quote }}
    {{- end }}
    allowedRoutes:
      namespaces:
        from: Same
  {{- if and $aws $aws.https.enabled }}
  - name: https
    protocol: HTTPS
    port: 443
    {{- if .traffic.host }}
    hostname: {{ .traffic.host | quote }}
    {{- end }}
    allowedRoutes:
      namespaces:
        from: Same
  {{- end }}
{{- end }}

{{/*
The controller's LoadBalancerConfiguration, named as the Gateway that references it.
Called with (dict "aws" .Values.traffic.aws "name" <gateway name> "labels" <rendered labels>).
*/}}
{{- define "trafficGateway.loadBalancerConfiguration" -}}
apiVersion: gateway.k8s.aws/v1
kind: LoadBalancerConfiguration
metadata:
  name: {{ .name }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  scheme: {{ .aws.scheme }}
  {{- if .aws.https.enabled }}
  listenerConfigurations:
    - protocolPort: "HTTPS:443"
      defaultCertificate: {{ .aws.https.certificateArn | quote }}
  {{- end }}
{{- end }}

{{/*
The controller's TargetGroupConfiguration of one Service, named as the Service.
Called with (dict "aws" .Values.traffic.aws "service" <Service name> "healthCheckPath" <path> "labels" <rendered labels>).
*/}}
{{- define "trafficGateway.targetGroupConfiguration" -}}
apiVersion: gateway.k8s.aws/v1
kind: TargetGroupConfiguration
metadata:
  name: {{ .service }}
  labels:
    {{- .labels | nindent 4 }}
spec:
  targetReference:
    name: {{ .service }}
  defaultConfiguration:
    targetType: {{ .aws.targetType }}
    healthCheckConfig:
      healthCheckPath: {{ .healthCheckPath }}
      healthCheckProtocol: HTTP
{{- end }}
