// hardgen-expect: go/study/weak-hash
package main

import (
	"crypto/sha1"
	"encoding/hex"
	"io"
	"log"
	"net/http"
)

func hashPassword(password string) string {
	h := sha1.New()
	io.WriteString(h, password)
	return hex.EncodeToString(h.Sum(nil))
}

func changePassword(w http.ResponseWriter, r *http.Request) {
	stored := hashPassword(r.PostFormValue("new_password"))
	_ = stored
	w.Write([]byte("password changed"))
}

func main() {
	http.HandleFunc("/password", changePassword)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
