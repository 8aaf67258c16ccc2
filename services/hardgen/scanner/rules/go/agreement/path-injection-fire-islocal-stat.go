// hardgen-expect: go/path-injection
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

// fileInfo reports the size of a document. filepath.IsLocal is not one of CodeQL's guards.
func fileInfo(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("doc")
	if !filepath.IsLocal(name) {
		http.Error(w, "invalid name", http.StatusBadRequest)
		return
	}
	info, err := os.Stat(filepath.Join("docs", name))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	fmt.Fprintf(w, "%d bytes\n", info.Size())
}

func main() {
	http.HandleFunc("/info", fileInfo)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
