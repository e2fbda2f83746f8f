{{/* Release-wide names and labels. */}}
{{- define "tenure.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tenure.labels" -}}
app.kubernetes.io/part-of: tenure
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tenure.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tenure.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "tenure.configMapName" -}}
{{- default (printf "%s-config" (include "tenure.fullname" .)) .Values.config.existingConfigMap -}}
{{- end -}}

{{- define "tenure.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
What each service needs, fixed by its code: the variable its port is read
from, the servers it talks to and the secret keys it reads (required ones
stop the pod from starting when missing; optional ones switch a feature on).
*/}}
{{- define "tenure.components" -}}
hr-ingest:
  values: hrIngest
  portEnv: HR_INGEST_PORT
  database: true
  kafka: true
  secrets: [TENURE_WEBHOOK_SECRET_GENERIC]
  optionalSecrets:
    - TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS
    - TENURE_WEBHOOK_SECRET_BAMBOOHR
    - TENURE_WEBHOOK_SECRET_BAMBOOHR_PREVIOUS
    - TENURE_SCIM_TOKEN
    - TENURE_SCIM_TOKEN_PREVIOUS
    - TENURE_IMPORT_TOKEN
    - TENURE_METRICS_TOKEN
orchestrator:
  values: orchestrator
  portEnv: ORCHESTRATOR_PORT
  database: true
  kafka: true
  temporal: true
  gatewayClient: true
  secrets: [TENURE_OPS_TOKEN, TENURE_GATEWAY_TOKEN]
  optionalSecrets: [TENURE_METRICS_TOKEN]
connector-gateway:
  values: connectorGateway
  portEnv: CONNECTOR_GATEWAY_PORT
  appCredentials: true
  secrets: [TENURE_GATEWAY_TOKEN]
  optionalSecrets: [TENURE_METRICS_TOKEN]
audit:
  values: audit
  portEnv: AUDIT_PORT
  database: true
  kafka: true
  secrets: [TENURE_AUDIT_TOKEN]
  optionalSecrets: [TENURE_AUDIT_OPERATOR_TOKEN, TENURE_METRICS_TOKEN]
console:
  values: console
  portEnv: CONSOLE_PORT
  # No /metrics of its own: the APIs behind it count the work.
  noMetrics: true
  # Its client at the provider is public (PKCE only) unless a secret is given.
  optionalSecrets: [TENURE_CONSOLE_CLIENT_SECRET]
{{- end -}}

{{- define "tenure.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}
