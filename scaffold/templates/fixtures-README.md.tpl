# __NAME__ fixtures

NEW-PLATFORM-TODO: copy the vendor's documented payload examples here from
`../shared/platforms/payloads/__ID__/` and list each with its source (documented, recorded from
the live API, or constructed from documented field lists) in a table like the other platforms'.
