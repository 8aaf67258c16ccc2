// hardgen-expect: none
// hardgen-near-miss: go/path-injection
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
)

var imageName = regexp.MustCompile(`^[a-zA-Z0-9_-]+\.(png|jpe?g|gif)$`)

func serveImage(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if !imageName.MatchString(name) {
		http.Error(w, "invalid image name", http.StatusBadRequest)
		return
	}
	f, err := os.Open(filepath.Join("images", name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}

func main() {
	http.HandleFunc("/img", serveImage)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
