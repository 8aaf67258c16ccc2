// hardgen-expect: none
// hardgen-near-miss: go/study/weak-hash
package main

import (
	"crypto/md5"
	"encoding/hex"
	"io"
	"log"
	"net/http"
)

// MD5 as an ETag/checksum of uploaded content, not of a password.
func checksum(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	h := md5.New()
	if _, err := io.Copy(h, file); err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	w.Write([]byte(hex.EncodeToString(h.Sum(nil))))
}

func main() {
	http.HandleFunc("/checksum", checksum)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
