// hardgen-expect: none
// hardgen-near-miss: go/clear-text-logging
package main

import (
	"log"
	"net/http"
	"time"
)

func withAccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s agent=%q took=%s", r.Method, r.URL.Path, r.Header.Get("User-Agent"), time.Since(start))
	})
}

func hello(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
}

func main() {
	http.Handle("/", withAccessLog(http.HandlerFunc(hello)))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
