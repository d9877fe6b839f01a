package parser

import (
	"reflect"
	"testing"
)

func TestParseDockerfile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want [][]Command // per stage: Instruction, Exec, Argv
	}{
		{"exec", "FROM node:20\nCMD [\"node\", \"dist/main.js\"]\n", [][]Command{{{Instruction: "CMD", Exec: true, Argv: []string{"node", "dist/main.js"}}}}},
		{"shell", "FROM node:20\nCMD npm run \\\n  start\n", [][]Command{{{Instruction: "CMD", Argv: []string{"npm", "run", "start"}}}}},
		{"stages", "FROM a AS b\nENTRYPOINT [\"tini\", \"--\"]\nFROM b\nCMD x\n", [][]Command{
			{{Instruction: "ENTRYPOINT", Exec: true, Argv: []string{"tini", "--"}}},
			{{Instruction: "CMD", Argv: []string{"x"}}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			df, err := ParseDockerfile([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var got [][]Command
			for _, st := range df.Stages {
				var cs []Command
				for _, c := range st.Commands {
					cs = append(cs, Command{Instruction: c.Instruction, Exec: c.Exec, Argv: c.Argv})
				}
				got = append(got, cs)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestParseEcosystem(t *testing.T) {
	t.Parallel()
	apps, err := ParseEcosystem([]byte("module.exports = { apps: [{ name: 'api', 'exec_mode': \"cluster\", kill_timeout: 5000 }] };"))
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 1 || apps[0].Props["name"] != "api" || apps[0].Props["exec_mode"] != "cluster" || apps[0].Props["kill_timeout"] != "5000" {
		t.Errorf("got %+v", apps)
	}
}
