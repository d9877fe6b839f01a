package report

import (
	"encoding/xml"
	"io"
	"strings"
)

// xmlText makes s safe for XML 1.0 attribute values and character data:
// control characters (which XML 1.0 cannot carry at all, even as character
// references) and invalid UTF-8 are written as visible Go escapes by
// EscapeControls; tab, line feed and carriage return are kept when
// keepBreaks is set. encoding/xml then escapes <, >, &, ' and ".
func xmlText(s string, keepBreaks bool) string {
	if !keepBreaks {
		return safeLine(s)
	}
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s), "\n")
	for i, l := range lines {
		lines[i] = EscapeControls(l)
	}
	return strings.Join(lines, "\n")
}

// writeXML writes the XML declaration, v indented by two spaces and a final
// newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
