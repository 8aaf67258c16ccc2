// hardgen-expect: go/path-injection
package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
)

const imageDir = "./images"

// serveImage returns the image named by the "file" query parameter.
func serveImage(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if name == "" {
		http.Error(w, "missing file parameter", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(filepath.Join(imageDir, name))
	if err != nil {
		http.Error(w, "image not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(data)
}

func main() {
	http.HandleFunc("/img", serveImage)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
