package pipeline

import (
	"io"

	"github.com/nestlint/nestlint/report"
)

// moreFormatter returns the formatter of the formats added after text,
// json, sarif and github, or nil.
func moreFormatter(o *options, stdout io.Writer) report.Formatter {
	switch o.Format {
	case "stylish":
		return report.Stylish{Color: o.colorFor(stdout)}
	case "junit":
		return report.JUnit{}
	case "checkstyle":
		return report.Checkstyle{}
	case "gitlab":
		return report.GitLab{}
	case "html":
		return report.HTML{}
	}
	return nil
}

// stylishSummarized reports whether the stylish output on stdout ended
// with its own summary line (it prints nothing without findings), so that
// the summary is not repeated on stderr.
func stylishSummarized(o *options, r *report.Run) bool {
	if o.Format != "stylish" || o.Output != "" {
		return false
	}
	for i := range r.Diagnostics {
		if !r.Diagnostics[i].Suppressed {
			return true
		}
	}
	return false
}
