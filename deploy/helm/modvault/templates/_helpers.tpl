{{/*
The chart name, or nameOverride.
*/}}
{{- define "modvault.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object. At most 52 characters: the StatefulSet's controller-revision-hash
label (name + "-" + 10 characters) must stay within the 63 allowed.
*/}}
{{- define "modvault.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "modvault.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "modvault.labels" -}}
helm.sh/chart: {{ include "modvault.chart" . }}
{{ include "modvault.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the pod; never change them on an installed release (immutable selector).
*/}}
{{- define "modvault.selectorLabels" -}}
app.kubernetes.io/name: {{ include "modvault.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "modvault.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The Secret holding MODVAULT_GIT_CREDENTIALS, and its key; empty name when none is configured.
*/}}
{{- define "modvault.gitCredentialsSecret" -}}
{{- if .Values.gitCredentials.existingSecret }}
{{- .Values.gitCredentials.existingSecret }}
{{- else if .Values.gitCredentials.value }}
{{- printf "%s-git-credentials" (include "modvault.fullname" .) }}
{{- end }}
{{- end }}

{{- define "modvault.gitCredentialsKey" -}}
{{- if .Values.gitCredentials.existingSecret }}
{{- .Values.gitCredentials.existingSecretKey }}
{{- else }}
{{- print "MODVAULT_GIT_CREDENTIALS" }}
{{- end }}
{{- end }}
