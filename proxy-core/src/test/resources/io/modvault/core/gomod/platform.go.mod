// Package comment, not attached: a blank line follows.

// Deprecated: use corp.example/platform/v2 instead.
module "corp.example/platform"

go 1.22.3

toolchain go1.23.4

godebug default=go1.21

require (
	github.com/Azure/azure-sdk-for-go v68.0.0+incompatible
	github.com/google/uuid v1.6 // indirect
	golang.org/x/text v0.14.0 // indirect; pulled in by x/net
	"gopkg.in/yaml.v3" v3.0.1
	github.com/pkg/errors v0.9.1 // indirectly used

	// Pinned: see issue 12.
	rsc.io/quote/v3 v3.1.0
)

require example.com/single v1.0.0 //indirect

exclude github.com/google/uuid v1.5.0

exclude (
	golang.org/x/text v0.13.0
)

replace github.com/pkg/errors => github.com/corp/errors v0.9.2

replace (
	golang.org/x/text v0.14.0 => golang.org/x/text v0.14.1
	example.com/single => ../single
	example.com/other v1.2.3 => ./vendor/other
	"rsc.io/quote/v3" => /abs/quote
)

// The first v1.9 tag was pushed by mistake.
retract v1.9.0

retract [v1.0.0, v1.0.5] // CVE-2024-0001: data race in the cache

// Releases broken by the bad merge.
retract (
	v1.8.0
	v1.8.1 // re-tagged the same commit

	// Accidentally published from a fork.
	[v0.1.0, v0.3.9]
)

tool golang.org/x/tools/cmd/stringer
