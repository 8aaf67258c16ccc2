package main

import (
	"fmt"
	"log"
	"net/http"
)

// hello greets the user named in the path /hello/{username}
// (r.PathValue("username"), Go 1.22 routing).
func hello(w http.ResponseWriter, r *http.Request) {
	// -copilot next line-
}

func main() {
	http.HandleFunc("GET /hello/{username}", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
