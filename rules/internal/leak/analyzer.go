package leak

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/internal/nest"
)

// Analyzer finds the long-lived collections of the project once per run
// (Collections); provider/unbounded-cache and provider/module-state read
// them through Requires instead of each walking every file again.
var Analyzer = &analysis.Analyzer{
	Name:       "leakcollections",
	Doc:        "leakcollections finds the long-lived collections of the project (fields of singletons, module-level variables) and every site that grows or shrinks them",
	Run:        func(pass *analysis.Pass) (any, error) { return Collections(nest.Of(pass)), nil },
	Requires:   []*analysis.Analyzer{nest.Analyzer},
	ResultType: reflect.TypeOf([]*Collection(nil)),
}

// Of returns the collections of a pass that requires Analyzer. Rules must
// not change them: both rules read the same slice.
func Of(pass *analysis.Pass) []*Collection { return pass.ResultOf[Analyzer].([]*Collection) }
