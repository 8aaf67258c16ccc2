// hardgen-expect: none
// hardgen-near-miss: go/path-injection
package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

var root, _ = filepath.Abs("public")

func static(w http.ResponseWriter, r *http.Request) {
	full, err := filepath.Abs(filepath.Join(root, r.URL.Query().Get("path")))
	if err != nil || !strings.HasPrefix(full, root+string(os.PathSeparator)) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.ServeFile(w, r, full)
}

func main() {
	http.HandleFunc("/static", static)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
