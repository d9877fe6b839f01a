// Package adoption holds tests only: they check the files that let people
// adopt nestlint (action.yml, .pre-commit-hooks.yaml, the npm packages under
// npm/, the code-scanning workflow and the docs) by running them for real:
// the action's steps against a local release server, the npm launcher and
// packages from `npm pack` tarballs and from a local npm registry, and the
// pre-commit hooks with `pre-commit try-repo`.
//
// A test that needs a tool that is not installed (bash, git, curl,
// pre-commit, node, npm) skips with a message, except when CI=true: there a
// missing tool fails. -short skips the slow ones (npm installs, pre-commit).
// TestMultitool runs only with NESTLINT_MULTITOOL=1 or CI=true.
package adoption
