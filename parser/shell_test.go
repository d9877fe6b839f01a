package parser

import (
	"reflect"
	"testing"
)

func TestParseShell(t *testing.T) {
	t.Parallel()
	src := []byte(`#!/bin/sh
set -e
if [ -n "$RUN_MIGRATIONS" ]; then
  npx prisma migrate deploy
fi
NODE_ENV=production node "dist/main.js" > /var/log/app.log 2>&1 &
PID=$!
wait $PID
start() { node a.js; }
npm run migrate && exec yarn 'start:prod'
`)
	sh, err := ParseShell(src)
	if err != nil {
		t.Fatal(err)
	}
	type cmd struct {
		argv    []string
		top, bg bool
	}
	var got []cmd
	for _, c := range sh.Commands {
		got = append(got, cmd{c.Argv, c.TopLevel, c.Background})
	}
	want := []cmd{
		{[]string{"set", "-e"}, true, false},
		{[]string{"npx", "prisma", "migrate", "deploy"}, false, false},
		{[]string{"node", "dist/main.js"}, true, true},
		{[]string{"wait", "$PID"}, true, false},
		{[]string{"node", "a.js"}, false, false},
		{[]string{"npm", "run", "migrate"}, true, false},
		{[]string{"exec", "yarn", "start:prod"}, true, false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if last := sh.LastTopLevel(); last != len(sh.Commands)-1 {
		t.Errorf("LastTopLevel = %d", last)
	}
	line := src[sh.Commands[2].Start:sh.Commands[2].End]
	if string(line[:8]) != "NODE_ENV" {
		t.Errorf("span starts at %q", line)
	}
}

func TestParseShellBad(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"", "if then fi ((", "\x00\xff", "echo 'unterminated"} {
		if _, err := ParseShell([]byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}
