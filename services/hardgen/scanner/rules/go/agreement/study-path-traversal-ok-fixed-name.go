// hardgen-expect: none
// hardgen-near-miss: go/study/path-traversal
package main

import (
	"io"
	"log"
	"net/http"
	"os"
)

// Each user has one avatar file whose name the server chooses.
func avatar(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("avatar")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	dst, err := os.Create("avatars/current.png")
	if err != nil {
		http.Error(w, "could not save", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	io.Copy(dst, file)
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("/avatar", avatar)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
