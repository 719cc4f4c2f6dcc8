// render-chart renders deploy/helm/modvault without helm, for machines where helm cannot be
// installed: it is NOT helm. It runs the chart's templates through Go's text/template (the
// engine helm uses) with the handful of Sprig/Helm functions the chart calls, implemented here
// with helm's semantics, and with missing values as errors (as `helm lint --strict`). It reads
// the merged values as JSON on standard input (deploy/check/validate.py produces them from
// values.yaml) and prints the manifests, each under a "# Source:" line as `helm template` does;
// -notes prints the rendered NOTES.txt instead. Standard library only:
//
//	go run deploy/check/render-chart.go -chart deploy/helm/modvault -release modvault < values.json
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

func main() {
	chartDir := flag.String("chart", "deploy/helm/modvault", "chart directory")
	release := flag.String("release", "modvault", "release name")
	namespace := flag.String("namespace", "default", "release namespace")
	notes := flag.Bool("notes", false, "print NOTES.txt instead of the manifests")
	flag.Parse()
	if err := run(*chartDir, *release, *namespace, *notes); err != nil {
		fmt.Fprintln(os.Stderr, "render-chart:", err)
		os.Exit(1)
	}
}

func run(chartDir, release, namespace string, notes bool) error {
	var values map[string]any
	if err := json.NewDecoder(os.Stdin).Decode(&values); err != nil {
		return fmt.Errorf("values on stdin: %w", err)
	}
	chart, err := readChart(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return err
	}
	name := chart["Name"].(string)
	root := template.New("root").Option("missingkey=error")
	root.Funcs(funcs(root))
	files, err := filepath.Glob(filepath.Join(chartDir, "templates", "*"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	var manifests []string
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		tname := name + "/templates/" + filepath.Base(file)
		if _, err := root.New(tname).Parse(string(text)); err != nil {
			return err
		}
		base := filepath.Base(file)
		if !strings.HasPrefix(base, "_") && base != "NOTES.txt" {
			manifests = append(manifests, tname)
		}
	}
	data := map[string]any{
		"Values":   values,
		"Chart":    chart,
		"Release":  map[string]any{"Name": release, "Namespace": namespace, "Service": "Helm", "IsInstall": true},
		"Template": map[string]any{"BasePath": name + "/templates"},
	}
	if notes {
		out, err := execute(root, name+"/templates/NOTES.txt", data)
		fmt.Println(out)
		return err
	}
	for _, tname := range manifests {
		out, err := execute(root, tname, data)
		if err != nil {
			return err
		}
		if strings.TrimSpace(out) == "" {
			continue
		}
		fmt.Printf("---\n# Source: %s\n%s\n", tname, strings.TrimSpace(out))
	}
	return nil
}

func execute(root *template.Template, name string, data any) (string, error) {
	var buf bytes.Buffer
	err := root.ExecuteTemplate(&buf, name, data)
	return buf.String(), err
}

// readChart takes the flat "key: value" lines of Chart.yaml that templates use.
func readChart(path string) (map[string]any, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keys := map[string]string{"name": "Name", "version": "Version", "appVersion": "AppVersion"}
	chart := map[string]any{}
	for _, line := range strings.Split(string(text), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if field, known := keys[k]; ok && known {
			chart[field] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	for _, field := range keys {
		if _, ok := chart[field]; !ok {
			return nil, fmt.Errorf("%s: no %s", path, field)
		}
	}
	return chart, nil
}

func funcs(root *template.Template) template.FuncMap {
	return template.FuncMap{
		"include": func(name string, data any) (string, error) {
			var buf bytes.Buffer
			err := root.ExecuteTemplate(&buf, name, data)
			return buf.String(), err
		},
		"fail": func(msg string) (string, error) { return "", errors.New(msg) },
		"default": func(d any, v ...any) any {
			if len(v) == 0 || empty(v[0]) {
				return d
			}
			return v[0]
		},
		"trunc": func(n int, s string) string {
			if len(s) > n {
				return s[:n]
			}
			return s
		},
		"trimSuffix": func(suffix, s string) string { return strings.TrimSuffix(s, suffix) },
		"contains":   func(sub, s string) bool { return strings.Contains(s, sub) },
		"replace":    func(old, new, s string) string { return strings.ReplaceAll(s, old, new) },
		"quote": func(v ...any) string {
			out := make([]string, 0, len(v))
			for _, s := range v {
				if s != nil {
					out = append(out, fmt.Sprintf("%q", str(s)))
				}
			}
			return strings.Join(out, " ")
		},
		"toString":  str,
		"int":       toInt,
		"hasKey":    func(m map[string]any, k string) bool { _, ok := m[k]; return ok },
		"list":      func(v ...any) []any { return v },
		"b64enc":    func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) },
		"sha256sum": func(s string) string { sum := sha256.Sum256([]byte(s)); return fmt.Sprintf("%x", sum) },
		"indent":    func(n int, s string) string { return indent(n, s) },
		"nindent":   func(n int, s string) string { return "\n" + indent(n, s) },
		"toYaml":    func(v any) string { return strings.TrimSuffix(toYaml(v, 0), "\n") },
	}
}

func indent(n int, s string) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case float64:
		return x == 0
	case int:
		return x == 0
	case map[string]any:
		return len(x) == 0
	case []any:
		return len(x) == 0
	}
	return false
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func toInt(v any) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case int:
		return x
	case string:
		n, _ := strconv.Atoi(x)
		return n
	}
	return 0
}

// toYaml writes block YAML with sorted keys, as helm's toYaml (sigs.k8s.io/yaml) does.
func toYaml(v any, level int) string {
	pad := strings.Repeat("  ", level)
	var b strings.Builder
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			return "{}\n"
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b.WriteString(pad + scalar(k) + ":")
			writeChild(&b, x[k], level)
		}
	case []any:
		if len(x) == 0 {
			return "[]\n"
		}
		for _, item := range x {
			b.WriteString(pad + "-")
			if m, ok := item.(map[string]any); ok && len(m) > 0 {
				// First key on the dash line, the rest aligned under it.
				inner := toYaml(m, level+1)
				b.WriteString(" " + strings.TrimPrefix(inner, strings.Repeat("  ", level+1)))
				continue
			}
			writeChild(&b, item, level)
		}
	default:
		return scalar(v) + "\n"
	}
	return b.String()
}

func writeChild(b *strings.Builder, v any, level int) {
	switch x := v.(type) {
	case map[string]any:
		if len(x) > 0 {
			b.WriteString("\n" + toYaml(x, level+1))
			return
		}
	case []any:
		if len(x) > 0 {
			// go-yaml's style: a sequence in a mapping is not indented under its key.
			b.WriteString("\n" + toYaml(x, level))
			return
		}
	}
	b.WriteString(" " + toYaml(v, level+1))
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		if x == math.Trunc(x) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		if plainSafe(x) {
			return x
		}
		q, _ := json.Marshal(x)
		return string(q)
	}
	return fmt.Sprint(v)
}

// plainSafe is deliberately conservative: anything that YAML could read as another type or
// as syntax is quoted.
func plainSafe(s string) bool {
	if s == "" {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return false
	}
	for i, r := range s {
		ok := r == '-' || r == '_' || r == '.' || r == '/' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok || (i == 0 && (r == '-' || r == '.')) {
			return false
		}
	}
	return true
}
