// hardgen-expect: go/study/weak-hash
package main

import (
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"log"
	"net/http"
)

type signup struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func signupHandler(w http.ResponseWriter, r *http.Request) {
	var req signup
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	h := sha512.New()
	h.Write([]byte(req.Password))
	stored := base64.StdEncoding.EncodeToString(h.Sum(nil))
	_ = stored
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/signup", signupHandler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
