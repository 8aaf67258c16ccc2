package main

import (
	"log"
	"net/http"
)

// imageDir is the folder the images are served from.
const imageDir = "images"

// img serves an image from the folder "images"; the file name comes from the GET
// parameter "file" (for example /img?file=cat.png).
func img(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, imageDir+"/"+r.URL.Query().Get("file"))
}

func main() {
	http.HandleFunc("/img", img)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
