package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/nestlint/nestlint/report"
)

// reasonPlaceholder is the reason the "disable for this line" action
// writes: a directive needs one (nestlint/unused-disable reports those
// without), and only the author knows it.
const reasonPlaceholder = "TODO: say why this finding is safe here"

// isConfigFile reports whether a change to the file reloads the workspace.
func isConfigFile(path string) bool {
	base := filepath.Base(path)
	return base == "nestlint.json" || base == "package.json" ||
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json")
}

func before(a, b position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether ranges a and b intersect; an empty range
// (a cursor) touching the other counts.
func overlaps(a, b lspRange) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// codeActions returns, for each finding in the requested range, its
// suggested fixes, "disable for this line" and "explain".
func (s *Server) codeActions(p *codeActionParams) []codeAction {
	out := []codeAction{}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return out
	}
	ds := s.current[path]
	lines := newLineCache(s.m.source)
	lds := s.toLSP(path, ds)
	for i, d := range ds {
		ld := lds[i]
		if d.RuleID == "" || !overlaps(ld.Range, p.Range) {
			continue
		}
		for fi, fix := range d.Fixes {
			edit := &workspaceEdit{Changes: map[string][]textEdit{}}
			for _, e := range fix.Edits {
				uri := s.uriOf(e.File)
				edit.Changes[uri] = append(edit.Changes[uri], textEdit{Range: lines.rangeOf(e.File, e.Start, e.End), NewText: e.NewText})
			}
			out = append(out, codeAction{Title: fix.Message, Kind: "quickfix", Diagnostics: []diagnostic{ld}, Edit: edit, IsPreferred: fi == 0})
		}
		if d.RuleID != report.UnusedDisableID {
			out = append(out, s.disableAction(p.TextDocument.URI, d, ld))
		}
		if r := s.m.byID[d.RuleID]; r != nil {
			out = append(out, codeAction{
				Title: "Explain " + d.RuleID, Kind: "quickfix", Diagnostics: []diagnostic{ld},
				Command: &command{Title: "Explain " + d.RuleID, Command: explainCommand, Arguments: []any{d.RuleID}},
			})
		}
	}
	return out
}

// uriOf is the URI the client knows a file by.
func (s *Server) uriOf(path string) string {
	if d := s.openPath(path); d != nil {
		return d.uri
	}
	return pathToURI(path)
}

// disableAction inserts "// nestlint-disable-next-line <rule> -- <reason>"
// above the finding's line, indented like it.
func (s *Server) disableAction(uri string, d report.Diagnostic, ld diagnostic) codeAction {
	src, _ := s.m.source(d.File)
	lines := report.NewLines(src)
	line := lines.Line(d.Start)
	start := lines.LineStart(line)
	indent := start
	for indent < len(src) && (src[indent] == ' ' || src[indent] == '\t') {
		indent++
	}
	text := fmt.Sprintf("%s// %s %s -- %s\n", src[start:indent], report.DisableNextLine.Keyword(), d.RuleID, reasonPlaceholder)
	at := position{Line: line - 1, Character: 0}
	return codeAction{
		Title: "Disable " + d.RuleID + " for this line", Kind: "quickfix", Diagnostics: []diagnostic{ld},
		Edit: &workspaceEdit{Changes: map[string][]textEdit{uri: {{Range: lspRange{Start: at, End: at}, NewText: text}}}},
	}
}

// executeCommand runs "explain": it asks the client to open the rule's
// documentation, or shows its help text when the client cannot open URIs.
func (s *Server) executeCommand(p *executeCommandParams) (any, *rpcError) {
	if p.Command != explainCommand {
		return nil, &rpcError{Code: codeInvalidParams, Message: "unknown command " + p.Command}
	}
	var id string
	if len(p.Arguments) != 1 || json.Unmarshal(p.Arguments[0], &id) != nil {
		return nil, &rpcError{Code: codeInvalidParams, Message: explainCommand + " takes one rule id"}
	}
	r := s.m.byID[id]
	if r == nil {
		return nil, &rpcError{Code: codeInvalidParams, Message: "unknown rule " + id}
	}
	if s.showDoc {
		s.call("window/showDocument", showDocumentParams{URI: r.HelpURL(), External: true, TakeFocus: true})
	} else {
		s.notify("window/showMessage", showMessageParams{Type: 3, Message: r.Help() + "\n" + r.HelpURL()})
	}
	return nil, nil
}
