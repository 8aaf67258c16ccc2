package main

import (
	"io"
	"log"
	"mime"
	"net/http"
	"os"
	"path/filepath"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	// Clean the path so that duplicate separators are removed.
	imagePath := filepath.Clean(filepath.Join(imageDir, r.FormValue("file")))
	f, err := os.Open(imagePath)
	if err != nil {
		http.Error(w, "image not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	if ct := mime.TypeByExtension(filepath.Ext(imagePath)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if _, err := io.Copy(w, f); err != nil {
		log.Println("copy failed:", err)
	}
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
