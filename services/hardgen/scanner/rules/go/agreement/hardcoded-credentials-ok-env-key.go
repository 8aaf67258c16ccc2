// hardgen-expect: none
// hardgen-near-miss: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte(os.Getenv("JWT_SECRET"))

func issue(w http.ResponseWriter, r *http.Request) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix()})
	signed, err := token.SignedString(jwtKey)
	if err != nil {
		http.Error(w, "token error", http.StatusInternalServerError)
		return
	}
	w.Write([]byte(signed))
}

func main() {
	if len(jwtKey) == 0 {
		log.Fatal("JWT_SECRET is not set")
	}
	http.HandleFunc("/token", issue)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
