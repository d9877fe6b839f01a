package report

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// SARIF constants that appear in every log.
const (
	SARIFSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFVersion   = "2.1.0"
	// InformationURI is the tool's home page (tool.driver.informationUri).
	InformationURI = "https://github.com/nestlint/nestlint"
	// SrcRoot is the uriBaseId of every artifact location: the repository
	// root. GitHub resolves relative URIs against the checkout root and
	// ignores uriBaseId.
	SrcRoot = "%SRCROOT%"
)

// Limits GitHub code scanning applies to one run. GitHub rejects or
// truncates beyond them, so WriteSARIF caps instead and says so.
const (
	MaxResults             = 25000
	MaxLocationsPerResult  = 1000 // relatedLocations of one result
	MaxThreadFlowLocations = 10000
	MaxTagsPerRule         = 20
	// maxMessageLinks is how many related locations the message text links
	// to before it says "and N more".
	maxMessageLinks = 10
)

// SARIF writes a Run as a SARIF 2.1.0 log for GitHub code scanning. It is
// WriteSARIF without the list of caps.
type SARIF struct{}

var _ Formatter = SARIF{}

// Format writes r as SARIF.
func (SARIF) Format(w io.Writer, r *Run) error {
	_, err := WriteSARIF(w, r)
	return err
}

// WriteSARIF writes r as one SARIF 2.1.0 log with exactly one run and
// returns a warning Notice for every limit it applied, for the CLI to print
// on stderr (the same notices are in invocations[0].toolExecutionNotifications).
//
// What the log holds, and why:
//   - $schema https://json.schemastore.org/sarif-2.1.0.json, version 2.1.0.
//   - tool.driver: name, version, semanticVersion (version without a
//     leading "v", when it is a semantic version), informationUri, and one
//     reportingDescriptor per rule in r.Rules, sorted by id, all written
//     before any result so that every result's ruleIndex points at its rule
//     (never -1). A diagnostic whose rule is not in r.Rules gets a minimal
//     descriptor of its own. Descriptors: id, name (lint.Meta.SARIFName, or
//     the id in PascalCase), shortDescription (title), fullDescription
//     (why), help.text and help.markdown, helpUri, defaultConfiguration.level,
//     properties.tags (at most 20), precision, and "security-severity" for
//     a rule tagged security (else "problem.severity").
//   - invocations[0]: executionSuccessful = r.Successful and
//     toolExecutionNotifications from r.Notices plus the caps.
//   - automationDetails.id = r.Category + "/" only when r.Category is set,
//     so that by default the upload's category input applies.
//   - columnKind utf16CodeUnits, and newlineSequences "\r\n", "\n", "\r":
//     nestlint counts a lone CR as a line break (see Lines).
//   - results, in r.Diagnostics order ([] when clean, never null): ruleId,
//     ruleIndex, level, message.text, one location whose artifactLocation
//     has a relative, percent-encoded uri and uriBaseId %SRCROOT%, and a
//     region with start/end line and UTF-16 column (end exclusive; an empty
//     range is widened to one character). partialFingerprints holds
//     primaryLocationLineHash (see LineHashes) when the file is readable.
//     relatedLocations (id 1, 2, ... and message.text) are linked from
//     message.text as [text](id). A request path becomes
//     codeFlows[0].threadFlows[0].locations, one per step, and a related
//     location that names the entry point. Fixes become fixes[] with
//     artifactChanges and replacements (deletedRegion, insertedContent).
//     A suppressed finding carries suppressions [{kind: inSource,
//     justification}]; baselineState is copied when set.
//
// There is no originalUriBaseIds, no invocations[].workingDirectory, no
// timestamp, GUID, hostname or absolute path: the log is byte-identical for
// the same findings whatever the checkout directory. GitHub's upload-sarif
// joins relative URIs to the checkout root by itself.
//
// The output is indented JSON that ends in a newline and does not escape
// <, > and &.
//
// Caps: at most MaxResults results (the most severe unsuppressed findings
// are kept first, ties in r.Diagnostics order, and the kept results stay in
// that order), MaxLocationsPerResult related locations per result,
// MaxThreadFlowLocations path steps per result, and MaxTagsPerRule tags per
// rule.
//
// The log is built directly in the SARIF model below (the properties
// nestlint writes, in the order it writes them), once, and encoded as is;
// ValidateSchema checks logs against the OASIS schema in the tests, and
// the CI runs the SARIF multitool over one.
func WriteSARIF(w io.Writer, r *Run) ([]Notice, error) {
	return writeSARIF(w, r, defaultCaps)
}

// sarifCaps are the limits WriteSARIF applies (the tests use small ones).
type sarifCaps struct {
	results, locationsPerResult, threadFlowLocations, tagsPerRule int
}

var defaultCaps = sarifCaps{MaxResults, MaxLocationsPerResult, MaxThreadFlowLocations, MaxTagsPerRule}

func writeSARIF(w io.Writer, r *Run, caps sarifCaps) ([]Notice, error) {
	log, capped := buildSARIF(r, caps)
	if err := encodeJSON(w, log); err != nil {
		return capped, fmt.Errorf("write sarif: %w", err)
	}
	return capped, nil
}

// The SARIF model: the properties nestlint writes, in the order they
// appear. Optional properties are omitempty; arrays that are written are
// never nil. The tests read logs back with the same types.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool              sarifTool         `json:"tool"`
		Invocations       []sarifInvocation `json:"invocations"`
		AutomationDetails *sarifAutomation  `json:"automationDetails,omitempty"`
		ColumnKind        string            `json:"columnKind"`
		NewlineSequences  []string          `json:"newlineSequences"`
		Results           []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		Help                 *sarifMultiformat  `json:"help,omitempty"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifRuleProps     `json:"properties"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		Tags             []string `json:"tags,omitempty"`
		Precision        string   `json:"precision,omitempty"`
		SecuritySeverity string   `json:"security-severity,omitempty"`
		ProblemSeverity  string   `json:"problem.severity,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level          string              `json:"level"`
		Message        sarifMessage        `json:"message"`
		Locations      []sarifLocation     `json:"locations,omitempty"`
		AssociatedRule *sarifDescriptorRef `json:"associatedRule,omitempty"`
	}
	sarifDescriptorRef struct {
		ID    string `json:"id"`
		Index *int   `json:"index,omitempty"`
	}
	sarifAutomation struct {
		ID string `json:"id"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
		Fixes               []sarifFix         `json:"fixes,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		BaselineState       string             `json:"baselineState,omitempty"`
		Properties          map[string]any     `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               int                   `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifMessage         `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}
	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
	sarifFix struct {
		Description     *sarifMessage         `json:"description,omitempty"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifContent `json:"insertedContent,omitempty"`
	}
	sarifContent struct {
		Text string `json:"text"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

// buildSARIF builds the log of r and the notices of the caps it applied.
func buildSARIF(r *Run, caps sarifCaps) (sarifLog, []Notice) {
	src := newSources(r.Source)
	var capped []Notice
	capNotice := func(format string, args ...any) {
		capped = append(capped, Notice{Level: lint.Warning, Message: "sarif: " + fmt.Sprintf(format, args...), Start: -1})
	}

	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            toolName(r),
			Version:         r.Version,
			SemanticVersion: semanticVersion(r.Version),
			InformationURI:  InformationURI,
		}},
		ColumnKind:       "utf16CodeUnits",
		NewlineSequences: []string{"\r\n", "\n", "\r"},
		Results:          []sarifResult{},
	}
	// Rule descriptors first: every id a result or notice can name gets its
	// index before any result is built.
	ruleIndex := addDescriptors(&run.Tool.Driver, r, caps, capNotice)

	keep := selectResults(r.Diagnostics, caps.results)
	if keep != nil {
		capNotice("kept %d of %d results (the most severe first); GitHub accepts at most %d per run", caps.results, len(r.Diagnostics), caps.results)
	}
	for i := range r.Diagnostics {
		if keep != nil && !keep[i] {
			continue
		}
		d := &r.Diagnostics[i]
		run.Results = append(run.Results, buildResult(d, ruleIndex[d.RuleID], src, caps, capNotice))
	}

	inv := sarifInvocation{ExecutionSuccessful: r.Successful}
	for _, n := range append(slices.Clip(r.Notices), capped...) {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, buildNotification(n, ruleIndex, src))
	}
	run.Invocations = []sarifInvocation{inv}
	if r.Category != "" {
		run.AutomationDetails = &sarifAutomation{ID: strings.TrimSuffix(r.Category, "/") + "/"}
	}
	return sarifLog{Schema: SARIFSchemaURI, Version: SARIFVersion, Runs: []sarifRun{run}}, capped
}

// ruleEntry is a rule to describe: one from Run.Rules, or (rule nil) an
// id only diagnostics name.
type ruleEntry struct {
	id   string
	rule *lint.Rule
}

// addDescriptors adds the rule descriptors to driver, sorted by id, and
// returns the index of each id.
func addDescriptors(driver *sarifDriver, r *Run, caps sarifCaps, capNotice func(string, ...any)) map[string]int {
	seen := map[string]bool{}
	var entries []ruleEntry
	for _, rl := range r.Rules {
		seen[rl.ID] = true
		entries = append(entries, ruleEntry{rl.ID, rl})
	}
	for i := range r.Diagnostics {
		if id := r.Diagnostics[i].RuleID; !seen[id] {
			seen[id] = true
			entries = append(entries, ruleEntry{id, nil})
		}
	}
	slices.SortStableFunc(entries, func(a, b ruleEntry) int { return strings.Compare(a.id, b.id) })
	index := map[string]int{}
	driver.Rules = []sarifRule{}
	for _, e := range entries {
		if _, dup := index[e.id]; dup {
			continue // a duplicate id: the first descriptor wins
		}
		index[e.id] = len(driver.Rules)
		if e.rule == nil {
			driver.Rules = append(driver.Rules, unknownDescriptor(e.id))
			continue
		}
		d := describe(e.rule)
		if tags := d.Properties.Tags; len(tags) > caps.tagsPerRule {
			capNotice("rule %s has %d tags; kept the first %d", e.id, len(tags), caps.tagsPerRule)
			d.Properties.Tags = tags[:caps.tagsPerRule]
		}
		driver.Rules = append(driver.Rules, d)
	}
	return index
}

// describe is the SARIF reportingDescriptor nestlint writes for a rule
// (before the tag cap). CheckRule checks it.
func describe(rl *lint.Rule) sarifRule {
	name := rl.SARIFName
	if name == "" {
		name = pascalCase(rl.ID)
	}
	props := sarifRuleProps{Tags: slices.Clone(rl.Tags), Precision: string(rl.Precision)}
	if rl.Security() && rl.SecuritySeverity != "" {
		props.SecuritySeverity = rl.SecuritySeverity
	} else {
		props.ProblemSeverity = problemSeverity(rl.Severity)
	}
	return sarifRule{
		ID:                   rl.ID,
		Name:                 name,
		ShortDescription:     sarifMessage{Text: rl.Doc.Title},
		FullDescription:      sarifMessage{Text: rl.Doc.Why},
		Help:                 &sarifMultiformat{Text: rl.Help(), Markdown: rl.Markdown()},
		HelpURI:              rl.HelpURL(),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rl.Severity)},
		Properties:           props,
	}
}

// unknownDescriptor describes a rule id that is not in Run.Rules, so that
// its results still have a valid ruleIndex.
func unknownDescriptor(id string) sarifRule {
	text := "nestlint finding " + id
	return sarifRule{
		ID:                   id,
		Name:                 pascalCase(id),
		ShortDescription:     sarifMessage{Text: text},
		FullDescription:      sarifMessage{Text: text},
		Help:                 &sarifMultiformat{Text: text},
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
		Properties:           sarifRuleProps{ProblemSeverity: "warning"},
	}
}

// pascalCase turns "event-loop/sync-io" into "EventLoopSyncIo".
func pascalCase(id string) string {
	var b strings.Builder
	up := true
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			if up && c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteRune(c)
			up = false
		default:
			up = true
		}
	}
	if b.Len() == 0 {
		return "Rule"
	}
	return b.String()
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Note:
		return "note"
	}
	return "none"
}

func problemSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "recommendation"
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$`)

// semanticVersion returns v without a leading "v" when it is a semantic
// version, else "".
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	return ""
}

// selectResults returns nil when every diagnostic fits, else which
// diagnostics to keep: the max most severe (unsuppressed first), ties in
// slice order.
func selectResults(ds []Diagnostic, limit int) []bool {
	if len(ds) <= limit {
		return nil
	}
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return severityRank(&ds[b]) - severityRank(&ds[a])
	})
	keep := make([]bool, len(ds))
	for _, i := range order[:limit] {
		keep[i] = true
	}
	return keep
}

// buildResult is d's result; ruleIndex is the index of its descriptor.
func buildResult(d *Diagnostic, ruleIndex int, src *sources, caps sarifCaps, capNotice func(string, ...any)) sarifResult {
	sp := src.nonEmptySpan(d.File, d.Start, d.End)
	res := sarifResult{
		RuleID:    d.RuleID,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(d.Severity),
		Locations: []sarifLocation{{PhysicalLocation: physical(d.File, sp)}},
	}
	if h, ok := src.hash(d.File, sp.StartLine); ok {
		res.PartialFingerprints = map[string]string{FingerprintKey: h}
	}

	// Related locations, then the entry point of the path, numbered from 1.
	related := d.Related
	if n := len(related) + min(len(d.Path), 1); n > caps.locationsPerResult {
		capNotice("a %s result at %s has %d related locations; kept %d", d.RuleID, d.File, n, caps.locationsPerResult)
		related = related[:caps.locationsPerResult-min(len(d.Path), 1)]
	}
	var links []string
	for _, rl := range related {
		id := len(res.RelatedLocations) + 1
		text := relatedText(rl, src)
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID:               id,
			PhysicalLocation: physical(rl.File, src.span(rl.File, rl.Start, rl.End)),
			Message:          &sarifMessage{Text: text},
		})
		if len(links) < maxMessageLinks {
			links = append(links, link(text, id))
		}
	}
	var parts []string
	if len(links) > 0 {
		s := "see " + strings.Join(links, ", ")
		if more := len(related) - len(links); more > 0 {
			s += fmt.Sprintf(" and %d more", more)
		}
		parts = append(parts, s)
	}
	if len(d.Path) > 0 {
		entry := d.Path[0]
		id := len(res.RelatedLocations) + 1
		label := stepLabel(entry)
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID:               id,
			PhysicalLocation: physical(entry.File, src.span(entry.File, entry.Start, entry.End)),
			Message:          &sarifMessage{Text: "entry point " + label},
		})
		parts = append(parts, "entry point "+link(label, id))

		steps := d.Path
		if len(steps) > caps.threadFlowLocations {
			capNotice("a %s result at %s has a path of %d steps; kept the first %d", d.RuleID, d.File, len(steps), caps.threadFlowLocations)
			steps = steps[:caps.threadFlowLocations]
		}
		tf := sarifThreadFlow{Locations: make([]sarifThreadFlowLocation, 0, len(steps))}
		for _, s := range steps {
			tf.Locations = append(tf.Locations, sarifThreadFlowLocation{Location: sarifLocation{
				PhysicalLocation: physical(s.File, src.span(s.File, s.Start, s.End)),
				Message:          &sarifMessage{Text: stepLabel(s)},
			}})
		}
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{tf}}}
	}
	res.Message = sarifMessage{Text: messageText(d, parts)}
	if len(d.Properties) > 0 {
		res.Properties = map[string]any{}
		for k, v := range d.Properties {
			res.Properties["nestlint/"+k] = v // encoding/json sorts map keys
		}
	}

	for _, f := range d.Fixes {
		if fx, ok := buildFix(f, src); ok {
			res.Fixes = append(res.Fixes, fx)
		}
	}
	if d.Suppressed {
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: d.Justification}}
	}
	res.BaselineState = d.BaselineState
	return res
}

// messageText is the result's plain-text message: the diagnostic's
// message, then the links to related locations in parentheses. A message
// is never empty (GitHub drops results without text).
func messageText(d *Diagnostic, parts []string) string {
	msg := d.Message
	if strings.TrimSpace(msg) == "" {
		msg = d.RuleID
	}
	// SARIF §3.11.6: a literal "[x](1)" in plain text would read as a link;
	// escape the brackets only where that ambiguity exists.
	if strings.Contains(msg, "](") {
		msg = escapeBrackets(msg)
	}
	if len(parts) > 0 {
		msg += " (" + strings.Join(parts, "; ") + ")"
	}
	return msg
}

// relatedText is a related location's message, or file:line when it has
// none.
func relatedText(l Location, src *sources) string {
	if t := oneLine(l.Message); strings.TrimSpace(t) != "" {
		return t
	}
	line, _ := src.pos(l.File, l.Start)
	return l.File + ":" + strconv.Itoa(line)
}

// link is an embedded link "[text](id)"; brackets and backslashes in the
// link text are escaped as SARIF §3.11.6 requires.
func link(text string, id int) string {
	return "[" + escapeBrackets(text) + "](" + strconv.Itoa(id) + ")"
}

var bracketEscaper = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)

func escapeBrackets(s string) string { return bracketEscaper.Replace(s) }

func physical(file string, sp span) sarifPhysicalLocation {
	reg := region(sp)
	return sarifPhysicalLocation{ArtifactLocation: artifact(file), Region: &reg}
}

// region is sp as a SARIF region; a zero end line or column is left out.
func region(sp span) sarifRegion {
	return sarifRegion(sp)
}

func artifact(file string) sarifArtifactLocation {
	return sarifArtifactLocation{URI: FileURI(file), URIBaseID: SrcRoot}
}

// buildFix turns a Fix into a SARIF fix with one artifactChange per file,
// in the order the files first appear among the edits.
func buildFix(f Fix, src *sources) (sarifFix, bool) {
	if len(f.Edits) == 0 {
		return sarifFix{}, false
	}
	var fx sarifFix
	if f.Message != "" {
		fx.Description = &sarifMessage{Text: f.Message}
	}
	byFile := map[string]int{}
	for _, e := range f.Edits {
		i, ok := byFile[e.File]
		if !ok {
			i = len(fx.ArtifactChanges)
			byFile[e.File] = i
			fx.ArtifactChanges = append(fx.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(e.File)})
		}
		ch := &fx.ArtifactChanges[i]
		ch.Replacements = append(ch.Replacements, sarifReplacement{
			DeletedRegion:   region(src.span(e.File, e.Start, e.End)),
			InsertedContent: &sarifContent{Text: e.NewText},
		})
	}
	return fx, true
}

func buildNotification(n Notice, ruleIndex map[string]int, src *sources) sarifNotification {
	level := "note"
	switch n.Level {
	case lint.Error:
		level = "error"
	case lint.Warning:
		level = "warning"
	}
	text := n.Message
	if strings.TrimSpace(text) == "" {
		text = "(no message)"
	}
	sn := sarifNotification{Level: level, Message: sarifMessage{Text: text}}
	if n.File != "" {
		pl := sarifPhysicalLocation{ArtifactLocation: artifact(n.File)}
		if n.Start >= 0 && src.file(n.File).ok {
			line, col := src.pos(n.File, n.Start)
			pl.Region = &sarifRegion{StartLine: line, StartColumn: col}
		}
		sn.Locations = []sarifLocation{{PhysicalLocation: pl}}
	}
	if n.RuleID != "" {
		ref := &sarifDescriptorRef{ID: n.RuleID}
		if i, ok := ruleIndex[n.RuleID]; ok { // no index for a rule the run does not describe
			ref.Index = &i
		}
		sn.AssociatedRule = ref
	}
	return sn
}

// FileURI turns a repository-relative path into the relative URI reference
// SARIF wants: "." and ".." are resolved, a leading
// "./" or "/" is dropped, and every byte outside RFC 3986's unreserved set,
// '/' and the sub-delimiters (plus '@') is percent-encoded: spaces, '#',
// '%', '?', ':' (which would make the first segment look like a scheme)
// and every byte of a non-ASCII character.
func FileURI(file string) string {
	// Names are '/'-separated on every OS (the CLI converts Windows
	// separators): a backslash is part of a POSIX file name and is
	// percent-encoded like any other reserved byte.
	p := cleanPath(file)
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if uriSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func uriSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~/!$&'()*+,;=@", c) >= 0
}

// cleanPath is path.Clean for a relative path that also drops leading
// "/" and "../" elements, so the URI never leaves the repository root.
func cleanPath(p string) string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
		}
	}
	return strings.Join(out, "/")
}

// CheckRule reports what in a rule's SARIF descriptor does not meet
// nestlint's checklist (S3) or GitHub's limits: id and a different name
// (at most 255 characters), short description (at most 1024), full
// description, help text and Markdown, an https helpUri, a default level,
// 1-10 tags (at most 20 are written), a valid precision, and
// security-severity in (0, 10] for a rule tagged security. The registry
// test runs it over every rule.
func CheckRule(rl *lint.Rule) []string {
	d := describe(rl)
	var p []string
	bad := func(format string, args ...any) { p = append(p, rl.ID+": "+fmt.Sprintf(format, args...)) }
	if d.ID == "" {
		bad("empty id")
	}
	if name := d.Name; name == d.ID || len(name) > 255 {
		bad("name %q must differ from the id and be at most 255 characters", name)
	}
	if t := d.ShortDescription.Text; strings.TrimSpace(t) == "" || len(t) > 1024 {
		bad("shortDescription must be 1-1024 characters")
	}
	if strings.TrimSpace(d.FullDescription.Text) == "" {
		bad("empty fullDescription")
	}
	if strings.TrimSpace(d.Help.Text) == "" || strings.TrimSpace(d.Help.Markdown) == "" {
		bad("help needs text and markdown")
	}
	if u := d.HelpURI; !strings.HasPrefix(u, "https://") {
		bad("helpUri %q is not an https URL", u)
	}
	if !slices.Contains([]string{"note", "warning", "error"}, d.DefaultConfiguration.Level) {
		bad("defaultConfiguration.level %q", d.DefaultConfiguration.Level)
	}
	if n := len(d.Properties.Tags); n < 1 || n > 10 {
		bad("has %d tags, want 1-10", n)
	}
	if !slices.Contains([]lint.Precision{lint.VeryHigh, lint.High, lint.Medium, lint.Low}, rl.Precision) {
		bad("precision %q, want very-high, high, medium or low", rl.Precision)
	}
	if rl.Security() {
		f, err := strconv.ParseFloat(rl.SecuritySeverity, 64)
		if err != nil || f <= 0 || f > 10 {
			bad("security rule needs SecuritySeverity in (0, 10], got %q", rl.SecuritySeverity)
		}
	} else if rl.SecuritySeverity != "" {
		bad("SecuritySeverity set on a rule without the security tag")
	}
	return p
}
