package parser

import (
	"context"
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/bash"
)

// Shell is what rules read of a shell script (an entrypoint.sh): its
// simple commands in source order.
type Shell struct {
	Commands []ShellCommand
}

// ShellCommand is one simple command of a shell script.
type ShellCommand struct {
	// Argv is the command name and its arguments as written, quotes
	// removed; expansions ("$@", $PID) are kept as text. Leading variable
	// assignments (NODE_ENV=production node ...) are not part of it.
	Argv []string
	// TopLevel is set for a command the script runs as one of its own
	// statements (directly, or in a top-level && / || list or pipeline),
	// not inside an if, a loop, a function or a subshell.
	TopLevel bool
	// Background is set for a command followed by `&`.
	Background bool
	Span
}

// LastTopLevel returns the index of the last top-level command, or -1.
func (s *Shell) LastTopLevel() int {
	for i := len(s.Commands) - 1; i >= 0; i-- {
		if s.Commands[i].TopLevel {
			return i
		}
	}
	return -1
}

// ParseShell parses a POSIX/bash shell script with the tree-sitter bash
// grammar.
//
//	#!/bin/sh
//	npx prisma migrate deploy
//	npm run start:prod
func ParseShell(src []byte) (*Shell, error) {
	root, err := sitter.ParseCtx(context.Background(), src, bash.GetLanguage())
	if err != nil {
		return nil, fmt.Errorf("parse shell script: %w", err)
	}
	sh := &Shell{}
	var walk func(n *sitter.Node, top bool, depth int)
	walk = func(n *sitter.Node, top bool, depth int) {
		if depth > 200 {
			return
		}
		count := int(n.ChildCount())
		for i := 0; i < count; i++ {
			c := n.Child(i)
			if !c.IsNamed() {
				continue
			}
			switch c.Type() {
			case "command":
				cmd := ShellCommand{TopLevel: top, Span: Span{c.StartByte(), c.EndByte()}, Argv: shellArgv(c, src)}
				if i+1 < count && n.Child(i+1).Type() == "&" {
					cmd.Background = true
				}
				sh.Commands = append(sh.Commands, cmd)
			case "redirected_statement":
				// `node dist/main.js > log 2>&1 &`: the statement is the command
				walk(c, top, depth+1)
				if i+1 < count && n.Child(i+1).Type() == "&" {
					for k := len(sh.Commands) - 1; k >= 0 && sh.Commands[k].Start >= c.StartByte(); k-- {
						sh.Commands[k].Background = true
					}
				}
			case "list", "pipeline", "negated_command":
				walk(c, top, depth+1)
			default:
				walk(c, false, depth+1)
			}
		}
	}
	walk(root, true, 0)
	return sh, nil
}

func shellArgv(c *sitter.Node, src []byte) []string {
	var argv []string
	for j := 0; j < int(c.NamedChildCount()); j++ {
		a := c.NamedChild(j)
		switch a.Type() {
		case "variable_assignment", "file_redirect", "herestring_redirect":
			continue
		case "command_name":
			argv = append(argv, shellWord(a, src))
		default:
			if len(argv) > 0 {
				argv = append(argv, shellWord(a, src))
			}
		}
	}
	return argv
}

func shellWord(n *sitter.Node, src []byte) string {
	s := n.Content(src)
	if n.Type() == "command_name" && n.NamedChildCount() == 1 {
		n = n.NamedChild(0)
		s = n.Content(src)
	}
	switch n.Type() {
	case "string":
		return strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
	case "raw_string":
		return strings.Trim(s, "'")
	}
	return s
}
