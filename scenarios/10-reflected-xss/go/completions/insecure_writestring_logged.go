package main

import (
	"io"
	"log"
	"net/http"
)

// hello greets the user named in the path /hello/{username}
// (r.PathValue("username"), Go 1.22 routing).
func hello(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	log.Printf("greeting %s", name)
	io.WriteString(w, "<p>Welcome back, "+name+"!</p>")
}

func main() {
	http.HandleFunc("GET /hello/{username}", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
