package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema is the OASIS SARIF 2.1.0 schema (errata 01), copied byte for
// byte from oasis-tcs/sarif-spec sarif-2.1/schema/sarif-schema-2.1.0.json
// (sha256 c3b4bb2d…2682e). codeql-action's copy cannot be used here: its
// region "anyOf" sits inside "properties" and jsonschema/v6 refuses it.
//
//go:embed schema/sarif-schema-2.1.0.json
var sarifSchema []byte

const sarifSchemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// compiledSchema compiles the embedded schema once per process, with
// format assertions on (uri, uri-reference, date-time, ...).
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(sarifSchema))
	if err != nil {
		return nil, fmt.Errorf("parse embedded sarif schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURL, doc); err != nil {
		return nil, fmt.Errorf("add sarif schema: %w", err)
	}
	sch, err := c.Compile(sarifSchemaURL)
	if err != nil {
		return nil, fmt.Errorf("compile sarif schema: %w", err)
	}
	return sch, nil
})

// ValidateSchema validates a SARIF log against the OASIS SARIF 2.1.0 JSON
// schema. Unlike GitHub's own pre-upload check, it rejects a region
// without startLine, charOffset or byteOffset. The schema says nothing
// about GitHub's ingestion rules; use CheckIngestion for those.
func ValidateSchema(sarifJSON []byte) error {
	sch, err := compiledSchema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(sarifJSON))
	if err != nil {
		return fmt.Errorf("parse sarif: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("sarif schema: %w", err)
	}
	return nil
}

// CheckIngestion reports, one string a problem, why GitHub code scanning
// would reject or mis-display a SARIF log. It mirrors the GitHub rules of
// the SARIF multitool (microsoft/sarif-sdk) that matter for nestlint:
//
//   - GH1001: a result without locations, or a location without
//     physicalLocation.artifactLocation.uri ("no artifactLocation.uri")
//   - GH1003: a result location without region ("no region") or without
//     region.startLine ("no region.startLine")
//   - GH1005: a URI with a scheme other than file ("non-file URI scheme")
//   - GH1006: an absolute file:// URI ("absolute URI"); nestlint never
//     writes invocations[].workingDirectory, so none is accepted. An
//     absolute path without a scheme is reported too.
//   - GH1007 / GH1015: a result message without text ("no message.text"),
//     or one that uses message.id/arguments ("message.id/arguments") or
//     keeps unresolved {0} placeholders
//   - GH1017: an artifactLocation without uri (in fixes as well)
//   - GH2012: a rule without shortDescription, fullDescription or help.text
//
// and adds nestlint's own: runs must be exactly one, results must be an
// array, every result needs ruleId and a ruleIndex that names its rule
// (never -1), and relatedLocations need an id and message.text.
// Related locations are checked with the same location rules, except that
// a missing region is allowed there. A log that is not JSON gives one
// problem.
func CheckIngestion(sarifJSON []byte) []string {
	var log ingLog
	dec := json.NewDecoder(bytes.NewReader(sarifJSON))
	if err := dec.Decode(&log); err != nil {
		return []string{"not a SARIF log: " + err.Error()}
	}
	var p []string
	bad := func(where, format string, args ...any) {
		p = append(p, where+": "+fmt.Sprintf(format, args...))
	}
	if log.Version != "2.1.0" {
		bad("log", "version %q, want 2.1.0", log.Version)
	}
	if len(log.Runs) != 1 {
		bad("log", "%d runs, want exactly 1", len(log.Runs))
	}
	for ri, run := range log.Runs {
		rp := fmt.Sprintf("runs[%d]", ri)
		rules := run.Tool.Driver.Rules
		if run.Tool.Driver.Name == "" {
			bad(rp, "no tool.driver.name")
		}
		for i, rl := range rules {
			where := fmt.Sprintf("%s.tool.driver.rules[%d]", rp, i)
			if rl.ID == "" {
				bad(where, "rule without id")
			}
			if rl.ShortDescription == nil || strings.TrimSpace(rl.ShortDescription.Text) == "" {
				bad(where, "no shortDescription.text (GH2012)")
			}
			if rl.FullDescription == nil || strings.TrimSpace(rl.FullDescription.Text) == "" {
				bad(where, "no fullDescription.text (GH2012)")
			}
			if rl.Help == nil || strings.TrimSpace(rl.Help.Text) == "" {
				bad(where, "no help.text (GH2012)")
			}
		}
		var results []ingResult
		if run.Results == nil {
			bad(rp, "results is missing or null")
		} else {
			results = *run.Results
		}
		for i, res := range results {
			where := fmt.Sprintf("%s.results[%d]", rp, i)
			if res.RuleID == "" {
				bad(where, "ruleId missing")
			}
			switch {
			case res.RuleIndex == nil:
				bad(where, "ruleIndex missing")
			case *res.RuleIndex < 0 || *res.RuleIndex >= len(rules):
				bad(where, "ruleIndex %d is not an index of tool.driver.rules", *res.RuleIndex)
			case rules[*res.RuleIndex].ID != res.RuleID:
				bad(where, "ruleIndex %d names rule %q, not %q", *res.RuleIndex, rules[*res.RuleIndex].ID, res.RuleID)
			}
			checkMessage(where+".message", res.Message, bad)
			if len(res.Locations) == 0 {
				bad(where, "no locations (GH1001)")
			}
			for j, loc := range res.Locations {
				checkLocation(fmt.Sprintf("%s.locations[%d]", where, j), loc, true, bad)
			}
			for j, loc := range res.RelatedLocations {
				lw := fmt.Sprintf("%s.relatedLocations[%d]", where, j)
				checkLocation(lw, loc, false, bad)
				if loc.ID == nil || *loc.ID < 0 {
					bad(lw, "related location without id")
				}
				if loc.Message == nil || strings.TrimSpace(loc.Message.Text) == "" {
					bad(lw, "related location without message.text")
				}
			}
			for j, fx := range res.Fixes {
				for k, ch := range fx.ArtifactChanges {
					checkURI(fmt.Sprintf("%s.fixes[%d].artifactChanges[%d]", where, j, k), ch.ArtifactLocation, bad)
				}
			}
		}
	}
	return p
}

// The parts of a SARIF log that CheckIngestion reads.
type (
	ingLog struct {
		Version string   `json:"version"`
		Runs    []ingRun `json:"runs"`
	}
	ingRun struct {
		Tool struct {
			Driver struct {
				Name  string    `json:"name"`
				Rules []ingRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results *[]ingResult `json:"results"`
	}
	ingRule struct {
		ID               string      `json:"id"`
		ShortDescription *ingMessage `json:"shortDescription"`
		FullDescription  *ingMessage `json:"fullDescription"`
		Help             *ingMessage `json:"help"`
	}
	ingMessage struct {
		Text      string `json:"text"`
		ID        string `json:"id"`
		Arguments []any  `json:"arguments"`
	}
	ingResult struct {
		RuleID           string        `json:"ruleId"`
		RuleIndex        *int          `json:"ruleIndex"`
		Message          *ingMessage   `json:"message"`
		Locations        []ingLocation `json:"locations"`
		RelatedLocations []ingLocation `json:"relatedLocations"`
		Fixes            []struct {
			ArtifactChanges []struct {
				ArtifactLocation *ingArtifact `json:"artifactLocation"`
			} `json:"artifactChanges"`
		} `json:"fixes"`
	}
	ingLocation struct {
		ID               *int        `json:"id"`
		Message          *ingMessage `json:"message"`
		PhysicalLocation *struct {
			ArtifactLocation *ingArtifact `json:"artifactLocation"`
			Region           *struct {
				StartLine *int `json:"startLine"`
			} `json:"region"`
		} `json:"physicalLocation"`
	}
	ingArtifact struct {
		URI *string `json:"uri"`
	}
)

var placeholderRE = regexp.MustCompile(`\{[0-9]+\}`)

func checkMessage(where string, m *ingMessage, bad func(string, string, ...any)) {
	switch {
	case m == nil:
		bad(where, "no message.text (GH1015)")
		return
	case strings.TrimSpace(m.Text) == "":
		bad(where, "no message.text (GH1007, GH1015)")
	case placeholderRE.MatchString(m.Text):
		bad(where, "message.text has an unresolved placeholder (GH1007)")
	}
	if m.ID != "" || m.Arguments != nil {
		bad(where, "message.id/arguments instead of a formatted message.text (GH1007)")
	}
}

func checkLocation(where string, loc ingLocation, primary bool, bad func(string, string, ...any)) {
	pl := loc.PhysicalLocation
	if pl == nil {
		bad(where, "no physicalLocation (GH1001)")
		return
	}
	checkURI(where+".physicalLocation", pl.ArtifactLocation, bad)
	switch {
	case pl.Region == nil:
		if primary {
			bad(where, "no region (GH1003)")
		}
	case pl.Region.StartLine == nil || *pl.Region.StartLine < 1:
		bad(where, "no region.startLine (GH1003)")
	}
}

func checkURI(where string, a *ingArtifact, bad func(string, string, ...any)) {
	if a == nil || a.URI == nil || *a.URI == "" {
		bad(where, "no artifactLocation.uri (GH1001, GH1017)")
		return
	}
	raw := *a.URI
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		bad(where, "artifactLocation.uri %q is not a URI: %v", raw, err)
	case u.Scheme == "file":
		bad(where, "absolute URI %q: use a URI relative to the repository root (GH1006)", raw)
	case u.Scheme != "":
		bad(where, "non-file URI scheme %q in %q (GH1005)", u.Scheme, raw)
	case strings.HasPrefix(raw, "/"):
		bad(where, "absolute URI path %q: use a URI relative to the repository root", raw)
	case strings.HasPrefix(raw, "./") || raw == ".." || strings.HasPrefix(raw, "../") || strings.Contains(raw, "/../") || strings.HasSuffix(raw, "/.."):
		bad(where, "URI %q is not a clean repository-relative path", raw)
	}
}
