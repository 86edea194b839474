// compose-check loads Compose files with compose-go (the loader Docker Compose itself uses): schema
// validation, interpolation, merging, extends and anchors, then checks that every service either
// builds or names an image and that every depends_on target exists. Usage:
//
//	compose-check docker-compose.yml [more.yml...]
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check FILE...")
		os.Exit(2)
	}
	opts, err := cli.NewProjectOptions(os.Args[1:],
		cli.WithName("souk"),
		cli.WithResolvedPaths(true),
		cli.WithConsistency(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	problems := 0
	for name, svc := range project.Services {
		if svc.Image == "" && svc.Build == nil {
			fmt.Fprintf(os.Stderr, "service %s has neither image nor build\n", name)
			problems++
		}
		for dep := range svc.DependsOn {
			if _, ok := project.Services[dep]; !ok {
				fmt.Fprintf(os.Stderr, "service %s depends on unknown service %s\n", name, dep)
				problems++
			}
		}
	}
	if problems > 0 {
		os.Exit(1)
	}
	fmt.Printf("compose-check: %s loads: %d services, %d volumes\n", os.Args[1], len(project.Services), len(project.Volumes))
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compose-check: %v\n", err)
	os.Exit(1)
}
