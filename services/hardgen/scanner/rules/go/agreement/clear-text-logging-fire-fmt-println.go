// hardgen-expect: go/clear-text-logging
package main

import (
	"fmt"
	"log"
	"net/http"
)

func resetPassword(w http.ResponseWriter, r *http.Request) {
	newPassword := r.PostFormValue("new_password")
	if len(newPassword) < 12 {
		http.Error(w, "password too short", http.StatusBadRequest)
		return
	}
	fmt.Printf("DEBUG reset password to %q\n", newPassword)
	w.Write([]byte("password updated"))
}

func main() {
	http.HandleFunc("/reset", resetPassword)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
