// hardgen-expect: none
// hardgen-near-miss: go/path-injection
package main

import (
	"log"
	"net/http"
	"path/filepath"
)

// Cleaning a rooted path removes every "..", so the result stays under the folder.
func page(w http.ResponseWriter, r *http.Request) {
	clean := filepath.Clean("/" + r.URL.Query().Get("page"))
	http.ServeFile(w, r, filepath.Join("site", clean))
}

func main() {
	http.HandleFunc("/page", page)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
