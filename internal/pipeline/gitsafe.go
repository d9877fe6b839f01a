package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
)

// safeGitArgs are the global options of every git command nestlint runs
// (docs/security.md): no fsmonitor hook, no hooks, no external diff, no
// pager, no untracked cache writes.
var safeGitArgs = []string{
	"--no-pager",
	"-c", "core.fsmonitor=false",
	"-c", "core.hooksPath=/dev/null",
	"-c", "core.pager=cat",
	"-c", "diff.external=",
	"-c", "core.untrackedCache=false",
	"-c", "core.splitIndex=false",
}

// safeGitEnv is the environment of git: the caller's, without the
// variables that make git run programs or read another configuration, and
// with the system configuration and attributes off and no prompts or
// optional locks (git never writes the index for nestlint).
func safeGitEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "GIT_EXTERNAL_DIFF", k == "GIT_PAGER", k == "PAGER", k == "GIT_ASKPASS", k == "SSH_ASKPASS",
			k == "GIT_SSH", k == "GIT_SSH_COMMAND", k == "GIT_EDITOR", k == "GIT_DIR", k == "GIT_WORK_TREE",
			k == "GIT_INDEX_FILE", k == "GIT_CONFIG", k == "GIT_CONFIG_PARAMETERS", k == "GIT_CONFIG_COUNT",
			strings.HasPrefix(k, "GIT_CONFIG_KEY_"), strings.HasPrefix(k, "GIT_CONFIG_VALUE_"):
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_ATTR_NOSYSTEM=1",
		"GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0",
		"GIT_NO_REPLACE_OBJECTS=1",
	)
}

// neutralFilters returns -c options that empty every filter driver the
// configuration defines (filter.<name>.clean, .smudge, .process), so that
// comparing work-tree files runs none of them.
func neutralFilters(dir string) []string {
	cmd := exec.Command("git", append(append([]string{"-C", dir}, safeGitArgs...),
		"config", "--name-only", "-z", "--get-regexp", `^filter\.`)...)
	cmd.Env = safeGitEnv()
	var out bytes.Buffer
	cmd.Stdout = &out
	if cmd.Run() != nil {
		return nil // none defined (exit 1), or git cannot read the config
	}
	seen := map[string]bool{}
	var args []string
	for _, key := range strings.Split(out.String(), "\x00") {
		// filter.<name>.<var>; the name may hold dots.
		i, j := strings.Index(key, "."), strings.LastIndex(key, ".")
		if i < 0 || j <= i {
			continue
		}
		name := key[i+1 : j]
		if seen[name] {
			continue
		}
		seen[name] = true
		for _, v := range []string{"clean", "smudge", "process"} {
			args = append(args, "-c", "filter."+name+"."+v+"=")
		}
		args = append(args, "-c", "filter."+name+".required=false")
	}
	return args
}
