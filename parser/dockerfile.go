package parser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/dockerfile"
	"github.com/smacker/go-tree-sitter/javascript"
)

// Dockerfile is what rules read of a Dockerfile: its build stages in order.
type Dockerfile struct {
	Stages []Stage
}

// Stage is one FROM ... section of a Dockerfile.
type Stage struct {
	Image string // the image as written ("node:20-alpine")
	Alias string // the AS name, if any
	// Commands are the stage's CMD and ENTRYPOINT instructions, in order.
	Commands []Command
	Span
}

// Command is one CMD or ENTRYPOINT instruction.
type Command struct {
	Instruction string // "CMD" or "ENTRYPOINT"
	// Exec is set for the exec form (a JSON string array).
	Exec bool
	// Argv is the exec form's array, or the shell form's command split on
	// blanks (line continuations removed).
	Argv []string
	// Text is the command as written after the instruction keyword.
	Text string
	Span
}

// ParseDockerfile parses a Dockerfile with the tree-sitter Dockerfile grammar.
//
//	FROM node:20-alpine AS run
//	ENTRYPOINT ["/sbin/tini", "--"]
//	CMD ["node", "dist/main.js"]
func ParseDockerfile(src []byte) (*Dockerfile, error) {
	root, err := sitter.ParseCtx(context.Background(), src, dockerfile.GetLanguage())
	if err != nil {
		return nil, fmt.Errorf("parse dockerfile: %w", err)
	}
	df := &Dockerfile{}
	for i := 0; i < int(root.NamedChildCount()); i++ {
		n := root.NamedChild(i)
		switch n.Type() {
		case "from_instruction":
			st := Stage{Span: Span{n.StartByte(), n.EndByte()}}
			for j := 0; j < int(n.NamedChildCount()); j++ {
				c := n.NamedChild(j)
				switch c.Type() {
				case "image_spec":
					st.Image = c.Content(src)
				case "image_alias":
					st.Alias = c.Content(src)
				}
			}
			df.Stages = append(df.Stages, st)
		case "cmd_instruction", "entrypoint_instruction":
			if len(df.Stages) == 0 {
				df.Stages = append(df.Stages, Stage{})
			}
			cmd := Command{Instruction: "CMD", Span: Span{n.StartByte(), n.EndByte()}}
			if n.Type() == "entrypoint_instruction" {
				cmd.Instruction = "ENTRYPOINT"
			}
			for j := 0; j < int(n.NamedChildCount()); j++ {
				c := n.NamedChild(j)
				switch c.Type() {
				case "json_string_array":
					cmd.Exec = true
					cmd.Text = c.Content(src)
					for k := 0; k < int(c.NamedChildCount()); k++ {
						s := c.NamedChild(k)
						if s.Type() != "json_string" {
							continue
						}
						var v string
						if err := json.Unmarshal([]byte(s.Content(src)), &v); err != nil {
							v = strings.Trim(s.Content(src), `"`)
						}
						cmd.Argv = append(cmd.Argv, v)
					}
				case "shell_command":
					cmd.Text = c.Content(src)
					var parts []string
					for k := 0; k < int(c.NamedChildCount()); k++ {
						if s := c.NamedChild(k); s.Type() == "shell_fragment" {
							parts = append(parts, s.Content(src))
						}
					}
					cmd.Argv = strings.Fields(strings.Join(parts, " "))
				}
			}
			last := &df.Stages[len(df.Stages)-1]
			last.Commands = append(last.Commands, cmd)
		}
		if len(df.Stages) > 0 {
			df.Stages[len(df.Stages)-1].End = n.EndByte()
		}
	}
	return df, nil
}

// PM2App is one entry of a PM2 ecosystem file's apps array. Values of
// other kinds than string, number and boolean are kept as source text.
type PM2App struct {
	Props map[string]string // key -> value (strings unquoted)
	// KeySpans are the spans of each property (key and value).
	KeySpans map[string]Span
	Span
}

// ErrEcosystemSyntax is ParseEcosystem's error for a file with a syntax
// error: the apps it could read are returned with it.
var ErrEcosystemSyntax = errors.New("syntax error")

// ParseEcosystem parses a PM2 ecosystem.config.js/.cjs with the JavaScript
// grammar and returns the object literals of its `apps` arrays. A file with
// a syntax error returns the apps it could read and ErrEcosystemSyntax.
//
//	module.exports = { apps: [{ name: 'api', exec_mode: 'cluster', kill_timeout: 5000 }] };
func ParseEcosystem(src []byte) ([]PM2App, error) {
	root, err := sitter.ParseCtx(context.Background(), src, javascript.GetLanguage())
	if err != nil {
		return nil, fmt.Errorf("parse ecosystem file: %w", err)
	}
	var apps []PM2App
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		if n.Type() == "pair" {
			if k := n.ChildByFieldName("key"); k != nil && propKey(k, src) == "apps" {
				if v := n.ChildByFieldName("value"); v != nil && v.Type() == "array" {
					for i := 0; i < int(v.NamedChildCount()); i++ {
						if o := v.NamedChild(i); o.Type() == "object" {
							apps = append(apps, pm2App(o, src))
						}
					}
					return
				}
			}
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			walk(n.NamedChild(i))
		}
	}
	walk(root)
	if root.HasError() {
		return apps, ErrEcosystemSyntax
	}
	return apps, nil
}

func propKey(k *sitter.Node, src []byte) string {
	s := k.Content(src)
	if k.Type() == "string" {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
		return strings.Trim(s, `'"`)
	}
	return s
}

func pm2App(o *sitter.Node, src []byte) PM2App {
	a := PM2App{Props: map[string]string{}, KeySpans: map[string]Span{}, Span: Span{o.StartByte(), o.EndByte()}}
	for i := 0; i < int(o.NamedChildCount()); i++ {
		p := o.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
		if k == nil || v == nil {
			continue
		}
		key := propKey(k, src)
		val := v.Content(src)
		if v.Type() == "string" {
			val = strings.Trim(val, "'\"`")
		}
		a.Props[key] = val
		a.KeySpans[key] = Span{p.StartByte(), p.EndByte()}
	}
	return a
}
