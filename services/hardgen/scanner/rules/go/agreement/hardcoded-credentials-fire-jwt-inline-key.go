// hardgen-expect: go/hardcoded-credentials
package main

import (
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func issue(w http.ResponseWriter, r *http.Request) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Subject:   "service",
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	})
	signed, err := token.SignedString([]byte("supersecretkey123"))
	if err != nil {
		http.Error(w, "token error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, signed)
}

func main() {
	http.HandleFunc("/token", issue)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
