// Package adoption holds tests only: they check the files that let people
// adopt nestlint (action.yml, .pre-commit-hooks.yaml, the code-scanning
// workflow and its docs) by running them for real.
//
// A test that needs a tool that is not installed (bash, git, pre-commit, npm)
// skips with a message, except when CI=true: there a missing tool fails.
// TestMultitool runs only with NESTLINT_MULTITOOL=1 or CI=true.
package adoption
