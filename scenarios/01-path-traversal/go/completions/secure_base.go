package main

import (
	"log"
	"net/http"
	"path/filepath"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	// filepath.Base drops every directory component, so "../../etc/passwd" becomes "passwd".
	name := filepath.Base(r.URL.Query().Get("file"))
	if name == "." || name == string(filepath.Separator) {
		http.Error(w, "invalid file name", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, filepath.Join(imageDir, name))
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
