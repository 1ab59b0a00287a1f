# __NAME__ fixtures

NEW-PLATFORM-TODO: put the vendor's documented payload examples here (one JSON file each) and list
them in a table with their source: documented (the vendor page it is copied from), recorded from
the live API (`npm run live-check -- --record`), or constructed from documented field lists.

| file | source |
|---|---|
