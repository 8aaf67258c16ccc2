// hardgen-expect: go/path-injection, go/untrusted-data-to-external-api
package main

import (
	"log"
	"net/http"
)

func download(w http.ResponseWriter, r *http.Request) {
	file := r.FormValue("file")
	if file == "" {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, file)
}

func main() {
	http.HandleFunc("/download", download)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
