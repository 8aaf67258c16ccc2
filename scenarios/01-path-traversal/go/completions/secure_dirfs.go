package main

import (
	"io/fs"
	"log"
	"mime"
	"net/http"
	"os"
	"path"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// images is rooted at imageDir: an fs.FS refuses names that are not valid, unrooted paths.
var images = os.DirFS(imageDir)

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if !fs.ValidPath(name) {
		http.Error(w, "invalid file name", http.StatusBadRequest)
		return
	}
	data, err := fs.ReadFile(images, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(data)
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
