// Command modzip is a test oracle for modvault's direct (git) fetching: it builds a module zip
// with golang.org/x/mod/zip.CreateFromVCS, which applies the go command's file rules, and
// prints the zip's h1: hash followed by its entry names, one per line.
//
// Usage:
//
//	modzip zip <repoDir> <revision> <subdir> <modulePath> <version>
//	modzip pseudo <major> <older> <unixSeconds> <rev>
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: modzip zip|pseudo ...")
	}
	switch os.Args[1] {
	case "zip":
		if len(os.Args) != 7 {
			fail("usage: modzip zip <repoDir> <revision> <subdir> <modulePath> <version>")
		}
		zipCmd(os.Args[2], os.Args[3], os.Args[4], os.Args[5], os.Args[6])
	case "pseudo":
		if len(os.Args) != 6 {
			fail("usage: modzip pseudo <major> <older> <unixSeconds> <rev>")
		}
		secs, err := strconv.ParseInt(os.Args[4], 10, 64)
		if err != nil {
			fail(err.Error())
		}
		fmt.Println(module.PseudoVersion(os.Args[2], os.Args[3], time.Unix(secs, 0).UTC(), os.Args[5]))
	default:
		fail("unknown command " + os.Args[1])
	}
}

func zipCmd(repoDir, revision, subdir, path, version string) {
	var buf bytes.Buffer
	m := module.Version{Path: path, Version: version}
	if err := modzip.CreateFromVCS(&buf, m, repoDir, revision, subdir); err != nil {
		fail(err.Error())
	}
	tmp, err := os.CreateTemp("", "modzip-*.zip")
	if err != nil {
		fail(err.Error())
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		fail(err.Error())
	}
	tmp.Close()
	h1, err := dirhash.HashZip(tmp.Name(), dirhash.Hash1)
	if err != nil {
		fail(err.Error())
	}
	fmt.Println(h1)
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fail(err.Error())
	}
	for _, f := range r.File {
		fmt.Println(f.Name)
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "modzip:", msg)
	os.Exit(2)
}
