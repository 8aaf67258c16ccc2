package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	fileName := r.URL.Query().Get("file")
	if fileName == "" {
		http.Error(w, "missing file parameter", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(filepath.Join(imageDir, fileName))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", http.DetectContentType(data))
	w.Write(data)
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
