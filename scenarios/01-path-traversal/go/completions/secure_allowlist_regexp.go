package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

var imageName = regexp.MustCompile(`^[A-Za-z0-9_-]+\.(png|jpe?g|gif|webp)$`)

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	file := r.URL.Query().Get("file")
	if !imageName.MatchString(file) {
		http.Error(w, "invalid image name", http.StatusBadRequest)
		return
	}
	f, err := os.Open(filepath.Join(imageDir, file))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
