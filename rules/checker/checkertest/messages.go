package checkertest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// MaxMessage is the longest a finding's message may be, in characters: the
// one sentence of what and why (issue 18). The request path is not part of
// the message; it travels with the finding and output prints it once.
const MaxMessage = 160

// identRE finds identifiers that a message shows outside backticks:
// member accesses (`this.cache`, `NestFactory.create`), calls (`close(`),
// camelCase and PascalCase compounds (`onModuleInit`, `AuditService`),
// snake_case (`kill_timeout`) and decorators (`@Cron`).
var identRE = regexp.MustCompile(`[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*|[A-Za-z_$][\w$]*\(|\b[a-z]+[A-Z][\w$]*|\b[A-Z][a-z0-9]+[A-Z][\w$]*|\b[a-zA-Z]+_[\w$]+|@[A-Za-z]\w*`)

// prose are words that look like identifiers but are ordinary names in
// prose (products, abbreviations).
var prose = map[string]bool{
	"JavaScript": true, "TypeScript": true, "NestJS": true, "GitHub": true, "MikroORM": true,
	"TypeORM": true, "PostgreSQL": true, "MySQL": true, "MongoDB": true, "GraphQL": true,
	"WebSocket": true, "PostHog": true, "LaunchDarkly": true, "OpenSearch": true, "RabbitMQ": true, "BullMQ": true, "Node.js": true, "e.g": true, "i.e": true, "ReDoS": true,
}

// UnquotedIdentifiers returns the identifier-like words of msg that are
// not inside a code span.
func UnquotedIdentifiers(msg string) []string {
	plain := stripCodeSpans(msg)
	var out []string
	for _, w := range identRE.FindAllString(plain, -1) {
		if !prose[w] {
			out = append(out, w)
		}
	}
	return out
}

// MessageProblems returns what keeps a finding's message from being worth
// reading (issue 18): longer than MaxMessage characters, naming the entry
// point of its request path (output prints the path once, after the
// message), or showing identifiers outside backticks.
func MessageProblems(msg string, path []string) []string {
	var out []string
	if n := utf8.RuneCountInString(msg); n > MaxMessage {
		out = append(out, fmt.Sprintf("message is %d characters, more than %d", n, MaxMessage))
	}
	if len(path) > 0 && regexp.MustCompile(`(^|[^\w$.])`+regexp.QuoteMeta(path[0])+`($|[^\w$])`).MatchString(msg) {
		out = append(out, fmt.Sprintf("message names the entry point %s, which the path already shows", path[0]))
	}
	if strings.Contains(msg, "reached from") {
		out = append(out, "message says \"reached from\": the path already shows the entry point")
	}
	if ids := UnquotedIdentifiers(msg); len(ids) > 0 {
		out = append(out, fmt.Sprintf("identifiers outside backticks: %s", strings.Join(ids, ", ")))
	}
	return out
}

// stripCodeSpans replaces each Markdown code span of msg (a run of n
// backticks up to the next run of exactly n) by a space.
func stripCodeSpans(msg string) string {
	var b strings.Builder
	for i := 0; i < len(msg); {
		if msg[i] != '`' {
			b.WriteByte(msg[i])
			i++
			continue
		}
		n := 0
		for i+n < len(msg) && msg[i+n] == '`' {
			n++
		}
		end := -1
		for j := i + n; j < len(msg); {
			if msg[j] != '`' {
				j++
				continue
			}
			k := 0
			for j+k < len(msg) && msg[j+k] == '`' {
				k++
			}
			if k == n {
				end = j + k
				break
			}
			j += k
		}
		if end < 0 { // an unclosed fence is plain text
			b.WriteString(msg[i : i+n])
			i += n
			continue
		}
		b.WriteByte(' ')
		i = end
	}
	return b.String()
}
