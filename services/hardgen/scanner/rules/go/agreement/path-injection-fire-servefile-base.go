// hardgen-expect: go/path-injection
package main

import (
	"log"
	"net/http"
	"path/filepath"
)

// download sends a report; filepath.Base strips directories, but CodeQL's TaintedPath does not
// count Base as a sanitiser, so the path is still reported.
func download(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("name"))
	path := filepath.Join("reports", name)
	w.Header().Set("Content-Disposition", "attachment; filename="+name)
	http.ServeFile(w, r, path)
}

func main() {
	http.HandleFunc("/download", download)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
