package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	root, err := filepath.Abs(imageDir)
	if err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	requested, err := filepath.Abs(filepath.Join(root, r.URL.Query().Get("file")))
	if err != nil || !strings.HasPrefix(requested, root+string(os.PathSeparator)) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	http.ServeFile(w, r, requested)
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
