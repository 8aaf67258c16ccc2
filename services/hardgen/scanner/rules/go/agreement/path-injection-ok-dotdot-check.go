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

func serveImage(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if name == "" || strings.Contains(name, "..") {
		http.Error(w, "invalid file name", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(filepath.Join("images", name))
	if err != nil {
		http.Error(w, "image not found", http.StatusNotFound)
		return
	}
	w.Write(data)
}

func main() {
	http.HandleFunc("/img", serveImage)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
