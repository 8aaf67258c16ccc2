package main

import (
	"html/template"
	"log"
	"net/http"
)

// hello greets the user named in the path /hello/{username}
// (r.PathValue("username"), Go 1.22 routing).
func hello(w http.ResponseWriter, r *http.Request) {
	// html/template escapes {{.}} for the HTML context it appears in.
	tmpl := template.Must(template.New("hello").Parse(`<!doctype html><h1>Hello, {{.}}!</h1>`))
	if err := tmpl.Execute(w, r.PathValue("username")); err != nil {
		log.Println("render hello:", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

func main() {
	http.HandleFunc("GET /hello/{username}", hello)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
